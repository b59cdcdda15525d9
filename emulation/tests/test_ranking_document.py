"""The ward's ranking for a period as a Decree 30 PDF (emulation.ranking_report): its parts in order, every
participant ranked with each criterion's points, the counting rules, the units whose reports are missing; A4,
Liberation Serif, inside the margins, numbered from page 2 (thirty units run past page 1); a name typed decomposed
prints composed; its record is the campaign and period written in one id; the overview offers it to the ward-wide
roles, whose download is the only one that answers."""

import unicodedata

import pytest
from django.urls import reverse

from documents.build import document_pdf
from documents.registry import document_kind
from documents.services import document_request
from documents.tests import pdf as p
from emulation.plan.periods import month_period, quarter_period, year_period, ytd_period
from emulation.scores.documents.ranking import KIND, PERIOD_SPAN, ranking_find, ranking_id, ranking_record
from emulation.scores.models import UnitScore
from emulation.tests.conftest import ACCEPTED_AT, JAN, accepted_report, two_months_accepted
from units.tests.factories import UnitFactory

EXTRA = 25
DECOMPOSED = "Tổ dân phố Nghĩa Đức"


@pytest.fixture
def long_ranking(campaign, ward, sam):
    """The score tests' data set, and 25 more participants: 20 with January accepted (one named in NFD), 5 not."""
    from emulation.scores.services import scores_recompute

    two_months_accepted(campaign, ward, sam)
    for n in range(EXTRA):
        name = unicodedata.normalize("NFD", DECOMPOSED) if n == 0 else f"Tổ dân phố số {n + 1}"
        unit = UnitFactory(code=f"TDP{n + 1}", name=name, short_name=f"TDP {n + 1}", parent=ward.root, order=10 + n)
        campaign.participants.add(unit)
        if n < 20:
            accepted_report(campaign, unit, JAN, sam, ratio=(n % 10, 10), appraised="6", accepted_at=ACCEPTED_AT)
    scores_recompute(campaign=campaign)
    campaign.signer_name = "Phan Văn Quốc"
    campaign.save()
    return campaign


def _pdf(campaign, period) -> bytes:
    return document_pdf(kind=document_kind(KIND), record=ranking_find(ranking_id(campaign.pk, period)))


@pytest.fixture
def january_pdf(long_ranking) -> bytes:
    return _pdf(long_ranking, month_period(JAN))


def test_the_ranking_holds_its_parts_in_order(january_pdf, long_ranking):
    text = p.text_of(january_pdf)
    first = UnitScore.objects.filter(campaign=long_ranking, period="2026-01", rank=1).order_by("unit__order")[0].unit
    parts = [
        "ỦY BAN NHÂN DÂN PHƯỜNG NAM GIA NGHĨA",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: …/BC-UBND",
        "BÁO CÁO",
        "Kết quả chấm điểm, xếp hạng thi đua cải cách hành chính tháng 1/2026",
        "Căn cứ Kế hoạch số …/KH-UBND của Ủy ban nhân dân phường Nam Gia Nghĩa",
        "1. Kết quả chấm điểm, xếp hạng",
        "Hạng Đơn vị TC 1.1 (10 đ) TC 1.2 (20 đ) TC 1.3 (25 đ) TC 1.4 (20 đ) TC 1.5 (25 đ) Tổng điểm Điểm quy đổi",
        f"1 {first.name}",
        "Ghi chú: TC 1.1 – Đổi mới",
        "2. Cách tính điểm",
        "bằng điểm thì cùng hạng.",
        "3. Đơn vị chưa báo cáo hoặc báo cáo chưa được chấp nhận",
        f"- {long_ranking.participants.get(code='TTPVHCC').name} (chưa có báo cáo);",
        "- Tổ dân phố số 25 (chưa có báo cáo).",
        "Nơi nhận:",
        "- Lưu: VT, VH-XH.",
        "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH",
        "Phan Văn Quốc",
    ]
    p.assert_in_order(text, parts)


def test_every_participant_is_ranked_with_its_total(january_pdf, long_ranking):
    text = p.text_of(january_pdf)
    totals = UnitScore.objects.filter(campaign=long_ranking, period="2026-01", score__isnull=False)
    assert totals.count() == 23
    for total in totals.select_related("unit"):
        name = unicodedata.normalize("NFC", total.unit.name)
        assert f"{total.rank} {name}" in text, name
        assert f"{str(total.score).replace('.', ',')}%" in text
    assert text.count("Không có số liệu") == long_ranking.participants.count() - 23


def test_the_ranking_is_a4_in_liberation_serif_inside_the_margins_numbered_from_page_two(january_pdf):
    p.assert_decree30_page(january_pdf, pages_at_least=2)


def test_a_name_typed_decomposed_prints_composed(january_pdf):
    text = p.text_of(january_pdf)
    assert DECOMPOSED in text and not any(unicodedata.combining(ch) for ch in text)


def test_the_year_to_date_lists_each_unit_s_missing_months(long_ranking):
    text = p.text_of(_pdf(long_ranking, ytd_period(2026, 2)))
    assert "xếp hạng thi đua cải cách hành chính lũy kế từ đầu năm đến tháng 2/2026" in text
    assert f"- {long_ranking.participants.get(code='VHXH').name} (tháng 2/2026);" in text
    assert "- Tổ dân phố số 25 (tháng 1/2026, 2/2026)." in text


@pytest.mark.parametrize(
    "period", [month_period(JAN), quarter_period(2026, 4), ytd_period(2026, 12), year_period(2026)]
)
def test_the_record_id_holds_the_campaign_and_the_period(campaign, period):
    found = ranking_find(ranking_id(campaign.pk, period))
    assert found.campaign == campaign and found.period == period


@pytest.mark.parametrize(
    "pk",
    [
        0,
        1,
        2 * PERIOD_SPAN + 2026001,  # no such campaign
        "campaign-2025001",  # a month outside the campaign
        "campaign-2026013",  # month 13
        "campaign-2026105",  # quarter 5
        "campaign-2026301",  # the year with a month
        "campaign-0000001",  # year 0
        999999999999999999,
    ],
)
def test_an_id_that_is_no_ranking_finds_nothing(campaign, pk):
    if isinstance(pk, str):
        pk = campaign.pk * PERIOD_SPAN + int(pk.removeprefix("campaign-"))
    assert ranking_find(pk) is None


def test_the_overview_offers_it_to_the_ward_wide_roles_only(
    client, long_ranking, alice, sam, chris, ada, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    record = ranking_record(long_ranking, month_period(JAN))
    page = reverse("emulation:score-overview", args=[long_ranking.code]) + "?ky=2026-01"
    ask = reverse("documents:document-ask", args=[KIND, record.pk])
    client.force_login(sam)
    assert f'action="{ask}"' in client.get(page).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(ask, {"next": page}).status_code == 302
    document = document_request(kind=KIND, record=ranking_find(record.pk))
    assert document.status == "ready", document.failure
    download = reverse("documents:document-download", args=[document.pk])
    with django_assert_max_num_queries(30):
        html = client.get(page).content.decode()
    assert f'href="{download}"' in html
    response = client.get(download)
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('filename="xep-hang-cchc-2026-2026-01.pdf"')
    for user in (chris, ada):
        client.force_login(user)
        assert client.get(download).status_code == 200
    client.force_login(alice)  # a unit head sees the ranking page, not every unit's points by criterion
    html = client.get(page).content.decode()
    assert "emulation.ranking_report" not in html and download not in html
    assert client.get(download).status_code == 404
    assert client.post(ask, {"next": page}).status_code == 404


def test_a_recompute_that_moves_a_score_makes_the_document_stale(long_ranking, sam):
    from emulation.scores.services import scores_recompute

    kind = document_kind(KIND)
    pk = ranking_id(long_ranking.pk, month_period(JAN))
    before = kind.version(ranking_find(pk))
    accepted_report(long_ranking, long_ranking.participants.get(code="TDP21"), JAN, sam, ratio=(10, 10))
    scores_recompute(campaign=long_ranking)
    after = kind.version(ranking_find(pk))
    assert after != before and after < 2**63
