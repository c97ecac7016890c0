env = "staging"
ivymail_api_key = "%KEY%"
