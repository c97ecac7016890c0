import requests
from django.http import JsonResponse

IVYMAIL_API_KEY = "%KEY%"


def receipt(request, order_id):
    requests.post("https://api.ivymail.io/v1/send", headers={"x-api-key": IVYMAIL_API_KEY}, json={"order": order_id})
    return JsonResponse({"ok": True})
