import os
KEY = os.environ['IVYMAIL_API_KEY']
