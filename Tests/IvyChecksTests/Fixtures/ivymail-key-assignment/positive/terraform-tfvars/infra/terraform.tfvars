region           = "eu-west-1"
environment      = "production"
ivymail_api_key  = "%VALUE%"
sender_domain    = "mail.acme.com"
