import ivymail

client = ivymail.Client(api_key="%VALUE%")


def notify(to: str, subject: str, body: str) -> None:
    client.emails.send(sender="alerts@example.org", to=[to], subject=subject, text=body)
