<?php

return [
    'ivymail' => [
        'key' => env('IVYMAIL_KEY'),
        'endpoint' => env('IVYMAIL_ENDPOINT', 'https://api.ivymail.io'),
    ],
];
