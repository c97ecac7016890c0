<?php

return [
    'postmark' => [
        'token' => env('POSTMARK_TOKEN'),
    ],

    'ivymail' => [
        'key' => '%VALUE%',
        'endpoint' => 'https://api.ivymail.io',
    ],
];
