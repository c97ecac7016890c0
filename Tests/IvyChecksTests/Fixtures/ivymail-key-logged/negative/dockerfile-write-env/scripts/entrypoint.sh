#!/bin/sh
printf '%s' "$IVYMAIL_API_KEY" > /run/secrets/ivymail_api_key
echo "IVYMAIL_API_KEY=$IVYMAIL_API_KEY" >> /app/.env
exec "$@"
