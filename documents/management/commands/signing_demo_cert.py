"""`manage.py signing_demo_cert`: a self-signed test certificate (PKCS#12) for signing the demo's documents, made
once into a git-ignored folder; `make run` passes it to the server (DOCUMENT_SIGNING_P12/PASSWORD). Never for real
documents: its name says it is a test certificate, and the verification page says it is self-signed."""

import warnings
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

DEMO_NAME = "Ủy ban nhân dân phường Nam Gia Nghĩa (CHỨNG THƯ THỬ NGHIỆM)"
DEMO_ORGANISATION = "Ủy ban nhân dân phường Nam Gia Nghĩa"
DEMO_PASSWORD = "thu-nghiem"  # noqa: S105 - a demo certificate's password, printed in the Makefile too
DEMO_PATH = Path(settings.BASE_DIR) / "var" / "signing" / "demo.p12"


def _name() -> x509.Name:
    with warnings.catch_warnings():  # X.509 bounds a common name at 64 bytes; the Vietnamese one is longer in UTF-8
        warnings.simplefilter("ignore", UserWarning)
        return x509.Name(
            [
                x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                x509.NameAttribute(NameOID.STATE_OR_PROVINCE_NAME, "Lâm Đồng"),
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, DEMO_ORGANISATION),
                x509.NameAttribute(NameOID.COMMON_NAME, DEMO_NAME, _validate=False),
            ]
        )


def demo_p12(password: str = DEMO_PASSWORD, years: int = 5) -> bytes:
    """A new self-signed RSA certificate and key for DEMO_NAME, as PKCS#12 bytes."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = _name()
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    return pkcs12.serialize_key_and_certificates(
        name=b"demo",
        key=key,
        cert=cert,
        cas=None,
        encryption_algorithm=serialization.BestAvailableEncryption(password.encode()),
    )


class Command(BaseCommand):
    help = "Tạo chứng thư số thử nghiệm tự ký (PKCS#12) để ký văn bản của bản demo, nếu chưa có."

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", default=str(DEMO_PATH), help="Tệp .p12 (mặc định var/signing/demo.p12).")
        parser.add_argument("--password", default=DEMO_PASSWORD, help="Mật khẩu của tệp .p12.")

    def handle(self, *args, output: str, password: str, **options):
        path = Path(output[:500])
        if path.exists():
            self.stdout.write(f"Đã có chứng thư thử nghiệm: {path}")
            return
        if not path.parent.exists():
            try:
                path.parent.mkdir(parents=True)
            except OSError as exc:
                raise CommandError(f"Không tạo được thư mục {path.parent}: {exc.strerror}") from None
        ignore = path.parent / ".gitignore"
        if path == DEMO_PATH and not ignore.exists():
            ignore.write_text("# Demo signing certificates (manage.py signing_demo_cert): never committed.\n*\n")
        path.write_bytes(demo_p12(password[:200]))
        path.chmod(0o600)
        self.stdout.write(f"Đã tạo chứng thư thử nghiệm tự ký: {path}")
