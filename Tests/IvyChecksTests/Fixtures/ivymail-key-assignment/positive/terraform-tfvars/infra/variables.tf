variable "ivymail_api_key" {
  type      = string
  sensitive = true
}
