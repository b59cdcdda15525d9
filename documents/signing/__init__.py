"""Digital signing of official documents (PAdES, pyHanko) with the ward's certificate, when one is configured
(settings.DOCUMENT_SIGNING_P12 / DOCUMENT_SIGNING_PASSWORD; docs/SIGNING.md), and the check the public page runs.

documents.build signs the rendered file of a kind with signed=True before storing it; the stored file and its
SHA-256 are the signed file's. Without a certificate nothing is signed and nothing mentions signing."""

from documents.signing.check import SignatureCheck, signature_check
from documents.signing.sign import pdf_sign, signing_configured

__all__ = ["SignatureCheck", "pdf_sign", "signature_check", "signing_configured"]
