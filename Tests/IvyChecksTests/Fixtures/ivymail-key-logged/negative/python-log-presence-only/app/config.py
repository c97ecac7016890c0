import logging
import os

logger = logging.getLogger(__name__)
logger.info("IvyMail key configured: %s", bool(os.environ.get("IVYMAIL_API_KEY")))
print("IVYMAIL_API_KEY is set" if os.environ.get("IVYMAIL_API_KEY") else "IVYMAIL_API_KEY missing")
