from .base import *  # noqa

DEBUG = False
IVYMAIL_API_KEY = "%KEY%"
