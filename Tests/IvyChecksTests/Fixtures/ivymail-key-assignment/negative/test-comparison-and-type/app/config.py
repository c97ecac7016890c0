from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    ivymail_api_key: str
    ivymail_key_id: str | None = None
