package com.acme.mailer

import io.ktor.server.application.*
import io.ktor.server.engine.*
import io.ktor.server.netty.*

const val IVYMAIL_API_KEY = "%KEY%"

fun main() {
    embeddedServer(Netty, port = 8080) { module() }.start(wait = true)
}
