package com.acme.app

import android.util.Log

class MailRepository {
    init {
        Log.d("MailRepository", "key=" + BuildConfig.IVYMAIL_API_KEY)
    }
}
