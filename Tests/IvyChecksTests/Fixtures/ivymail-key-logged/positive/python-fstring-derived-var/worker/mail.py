import logging
import os

log = logging.getLogger("worker.mail")

api_key = os.environ["IVYMAIL_API_KEY"]
log.debug(f"using IvyMail api key {api_key}")
