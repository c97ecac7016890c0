Rails.application.configure do
  config.cache_classes = true
  config.x.ivymail.api_key = "%KEY%"
end
