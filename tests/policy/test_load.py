import orjson
import pytest

from dynscan.errors import InputError
from dynscan.policy.load import load_policy, read_policy_file, read_session_policy


def _pdf(text: str) -> bytes:
    """A one-page PDF showing ``text`` (Helvetica, ASCII), with a correct xref table."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def test_html_pdf_and_text(tmp_path):
    html = tmp_path / "p.html"
    html.write_text("<html><script>var imei=1</script><body><p>我们收集<b>位置信息</b></p>"
                    "<li>友盟推送</li></body></html>", encoding="utf-8")
    src = read_policy_file(html)
    assert src.name == "p.html" and "位置信息" in src.text and "友盟推送" in src.text
    pdf = tmp_path / "policy.pdf"
    pdf.write_bytes(_pdf("We collect your IMEI and location."))
    assert "IMEI" in read_policy_file(pdf).text
    txt = tmp_path / "p.txt"
    txt.write_text("剪切板", encoding="utf-8")
    assert read_policy_file(txt).text == "剪切板"


def test_bad_files_are_one_line_errors(tmp_path):
    with pytest.raises(InputError, match="cannot read policy file"):
        read_policy_file(tmp_path / "missing.html")
    broken = tmp_path / "b.pdf"
    broken.write_bytes(b"%PDF-1.4\nnot really")
    with pytest.raises(InputError, match="policy file"):
        read_policy_file(broken)
    empty = tmp_path / "e.txt"
    empty.write_text("  \n", encoding="utf-8")
    with pytest.raises(InputError, match="has no text"):
        read_policy_file(empty)


def test_session_policy_and_the_union(tmp_path):
    assert read_session_policy(tmp_path) is None and load_policy(tmp_path, []) is None
    (tmp_path / "policy.json").write_bytes(orjson.dumps({"text": "我们收集设备信息", "links": ["《隐私政策》"]}))
    txt = tmp_path / "full.txt"
    txt.write_text("We use Umeng.", encoding="utf-8")
    policy = load_policy(tmp_path, [txt])
    assert policy is not None
    assert [s.name for s in policy.sources] == ["privacy dialog (policy.json)", "full.txt"]
    assert policy.mentions(("umeng",)) == "we use umeng"
    (tmp_path / "policy.json").write_text("[", encoding="utf-8")  # damaged: as if absent
    assert read_session_policy(tmp_path) is None
