# Resolved at runtime with: op run --env-file=.env.tpl -- npm start
IVYMAIL_API_KEY=op://Engineering/IvyMail/api-key
DATABASE_URL=op://Engineering/Postgres/url
