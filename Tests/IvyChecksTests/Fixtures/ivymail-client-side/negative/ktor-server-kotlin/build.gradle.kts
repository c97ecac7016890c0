plugins { kotlin("jvm") version "1.9.23"; id("io.ktor.plugin") version "2.3.10" }
