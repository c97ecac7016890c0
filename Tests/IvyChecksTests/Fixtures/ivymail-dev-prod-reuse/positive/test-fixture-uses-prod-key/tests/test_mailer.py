from app.mailer import Mailer


def test_send_live():
    mailer = Mailer(api_key="%KEY%")
    assert mailer.send(to="qa@acme.dev", subject="ping")
