package com.acme.app.data

import okhttp3.OkHttpClient
import okhttp3.Request

object MailApi {
    private const val IVYMAIL_API_KEY = "%KEY%"
    private val client = OkHttpClient()

    fun send(json: String) = client.newCall(
        Request.Builder().url("https://api.ivymail.io/v1/send").addHeader("x-api-key", IVYMAIL_API_KEY).build()
    ).execute()
}
