import os

DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
EMAIL_BACKEND = "anymail.backends.ivymail.EmailBackend"
IVYMAIL_API_KEY = os.environ["IVYMAIL_API_KEY"]
ANYMAIL = {
    "IVYMAIL_API_KEY": os.getenv("IVYMAIL_API_KEY"),
}
