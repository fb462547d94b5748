"""Reader comments on the page: the thread, the form, and posting, editing and withdrawing."""
