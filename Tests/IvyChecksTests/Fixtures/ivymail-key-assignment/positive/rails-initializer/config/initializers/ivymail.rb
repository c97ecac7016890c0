# frozen_string_literal: true

IvyMail.configure do |config|
  config.api_key = "%VALUE%"
  config.default_from = "support@acme.io"
end

IvyMail.api_key = "%VALUE%"
