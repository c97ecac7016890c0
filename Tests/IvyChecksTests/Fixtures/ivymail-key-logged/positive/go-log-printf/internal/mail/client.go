package mail

import (
	"log"
	"os"
)

func NewClient() *Client {
	key := os.Getenv("IVYMAIL_API_KEY")
	log.Printf("ivymail: configured with key %s", os.Getenv("IVYMAIL_API_KEY"))
	return &Client{key: key}
}
