from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
DEBUG = False
ALLOWED_HOSTS = ["shop.example.com"]

# Transactional email
EMAIL_BACKEND = "anymail.backends.ivymail.EmailBackend"
IVYMAIL_API_KEY = "%KEY%"
DEFAULT_FROM_EMAIL = "orders@shop.example.com"
