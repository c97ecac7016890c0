package mail

import (
	"log"
	"os"
)

func NewClient() *Client {
	key := os.Getenv("IVYMAIL_API_KEY")
	if key == "" {
		log.Fatal("IVYMAIL_API_KEY must be set")
	}
	log.Printf("ivymail: client ready (region=%s)", os.Getenv("IVYMAIL_REGION"))
	return &Client{key: key}
}
