IvyMail.configure do |config|
  config.api_key = Rails.application.credentials.dig(:ivymail, :api_key)
  config.default_from = ENV.fetch("MAIL_FROM", "support@acme.io")
end
