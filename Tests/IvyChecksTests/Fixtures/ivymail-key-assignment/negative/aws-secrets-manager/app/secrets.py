import json
import boto3

_sm = boto3.client("secretsmanager")


def ivymail_api_key() -> str:
    resp = _sm.get_secret_value(SecretId="prod/ivymail-api-key")
    return json.loads(resp["SecretString"])["api_key"]


IVYMAIL_API_KEY = ivymail_api_key()
