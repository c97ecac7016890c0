import logging
import os
import ivymail

log = logging.getLogger(__name__)
client = ivymail.Client(api_key=os.environ["IVYMAIL_API_KEY"])


def send(to, subject, body):
    resp = client.emails.send(sender="noreply@acme.dev", to=[to], subject=subject, text=body)
    log.info("IvyMail accepted message %s for %s", resp["id"], to)
    return resp
