package com.acme.app

class FeedbackRepository(private val api: AcmeApi) {
    // The app never holds the IvyMail key: our backend sends the mail.
    suspend fun send(text: String) = api.postFeedback(FeedbackRequest(text))
}
