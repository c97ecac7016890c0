ivymail_api_key = "%KEY%"
