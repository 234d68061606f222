"""Stand-ins for the tunnel programs (cloudflared, ngrok): small Python scripts
that print what the real ones print and really forward traffic on 127.0.0.1."""
