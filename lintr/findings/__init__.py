"""What happens to findings besides reporting them: the findings lintr makes itself (errors.py)
and applying safe fixes to the files (fixes.py)."""
