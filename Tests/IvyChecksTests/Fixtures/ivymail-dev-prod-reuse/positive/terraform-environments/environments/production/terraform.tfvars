env = "production"
ivymail_api_key = "%KEY%"
