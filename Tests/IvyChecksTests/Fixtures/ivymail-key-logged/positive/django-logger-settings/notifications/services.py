import logging

from django.conf import settings
import ivymail

logger = logging.getLogger(__name__)


def client():
    logger.info("Creating IvyMail client with key %s", settings.IVYMAIL_API_KEY)
    return ivymail.Client(api_key=settings.IVYMAIL_API_KEY)
