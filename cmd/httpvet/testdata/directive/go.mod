module directive

go 1.25
