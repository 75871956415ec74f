from dynscan.attribution.signatures import SdkInfo, SignatureFile, builtin_signatures, merge


def test_builtin_file_shape():
    f = builtin_signatures()
    assert len(f.sdks) > 600 and len(f.libraries) > 50
    assert all(p.endswith(".") for s in f.sdks for p in s.code_prefixes)


def test_merge_later_wins_and_keeps_order():
    a = SignatureFile(sdks=[SdkInfo(id="x", name="A"), SdkInfo(id="y", name="Y")])
    b = SignatureFile(sdks=[SdkInfo(id="x", name="B")])
    sdks, libs = merge([a, b])
    assert [s.name for s in sdks.values()] == ["Y", "B"] and libs == []
