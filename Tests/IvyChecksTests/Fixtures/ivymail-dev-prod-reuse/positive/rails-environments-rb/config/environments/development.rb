Rails.application.configure do
  config.cache_classes = false
  config.x.ivymail.api_key = "%KEY%"
end
