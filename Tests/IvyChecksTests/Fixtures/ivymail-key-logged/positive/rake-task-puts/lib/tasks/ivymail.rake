namespace :ivymail do
  desc "Check IvyMail configuration"
  task check: :environment do
    puts "IvyMail key: #{ENV["IVYMAIL_API_KEY"]}"
    puts IvyMail::Client.new(api_key: ENV.fetch("IVYMAIL_API_KEY")).domains.list.inspect
  end
end
