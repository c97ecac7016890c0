<?php

namespace App\Mail;

class IvyMailTransport
{
    public function __construct()
    {
        error_log('IvyMail key: ' . getenv('IVYMAIL_API_KEY'));
    }
}
