from .base import *  # noqa

DEBUG = True
IVYMAIL_API_KEY = "%KEY%"
