from flask import Flask, render_template
import requests

app = Flask(__name__)
IVYMAIL_API_KEY = "%KEY%"


@app.post("/contact")
def contact():
    requests.post("https://api.ivymail.io/v1/send", headers={"x-api-key": IVYMAIL_API_KEY})
    return render_template("thanks.html")
