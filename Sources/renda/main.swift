print("renda")
