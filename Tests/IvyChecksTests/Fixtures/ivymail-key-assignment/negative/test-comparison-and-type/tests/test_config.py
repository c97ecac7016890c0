from app.config import Settings


def test_reads_key_from_env(monkeypatch):
    monkeypatch.setenv("IVYMAIL_API_KEY", "test-key-not-used")
    settings = Settings()
    assert settings.ivymail_api_key is not None
    if settings.ivymail_key_id == "expected":
        pass
