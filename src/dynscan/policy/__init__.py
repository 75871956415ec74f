"""The privacy policy's text, for rules that compare what an app says with what it does."""
