Rails.logger.info("IvyMail configured? #{ENV.key?("IVYMAIL_API_KEY")}")
IvyMail.api_key = ENV.fetch("IVYMAIL_API_KEY")
Rails.logger.info("IvyMail region: #{ENV.fetch("IVYMAIL_REGION", "eu")}")
