import os
import ivymail

print("IvyMail key:", os.environ["IVYMAIL_API_KEY"])
client = ivymail.Client(api_key=os.environ["IVYMAIL_API_KEY"])
client.emails.send(sender="digest@acme.dev", to=["team@acme.dev"], subject="Digest", text="...")
