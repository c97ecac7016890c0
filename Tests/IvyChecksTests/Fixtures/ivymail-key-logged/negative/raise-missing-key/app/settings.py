import os

IVYMAIL_API_KEY = os.environ.get("IVYMAIL_API_KEY")
if not IVYMAIL_API_KEY:
    raise RuntimeError("IVYMAIL_API_KEY environment variable is required")
print("Loaded settings for", os.environ.get("APP_ENV", "dev"))
