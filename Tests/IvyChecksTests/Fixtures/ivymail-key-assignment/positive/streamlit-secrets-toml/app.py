import streamlit as st
import ivymail

client = ivymail.Client(api_key=st.secrets["ivymail"]["api_key"])
