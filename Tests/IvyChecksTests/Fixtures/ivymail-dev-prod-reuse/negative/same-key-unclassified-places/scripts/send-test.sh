#!/bin/sh
curl -H "x-api-key: %KEY%" -d @mail.json https://api.ivymail.io/v1/send
